package dev.restatus.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The error pages Restatus finds in a deployment descriptor. */
class ErrorPagesTest {

  private static Set<Integer> pages(String xml) throws Exception {
    return ErrorPages.fromDescriptor(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void statusPagesAndADefaultPageAreFoundButNotExceptionPages() throws Exception {
    assertThat(
            pages(
                """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <error-page><error-code> 404 </error-code><location>/404.html</location></error-page>
                  <error-page><error-code>nope</error-code><location>/x.html</location></error-page>
                  <error-page>
                    <exception-type>java.lang.Exception</exception-type>
                    <location>/oops.jsp</location>
                  </error-page>
                </web-app>
                """))
        .containsExactly(404);
    assertThat(
            pages(
                """
                <web-app xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="4.0">
                  <error-page><location>/error.jsp</location></error-page>
                </web-app>
                """))
        .containsExactly(0);
  }

  @Test
  void anOldDescriptorWithADoctypeIsReadWithoutFetchingAnything() throws Exception {
    assertThat(
            pages(
                """
                <?xml version="1.0"?>
                <!DOCTYPE web-app PUBLIC "-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN"
                  "http://127.0.0.1:1/web-app_2_3.dtd">
                <web-app>
                  <error-page><error-code>500</error-code><location>/500.html</location></error-page>
                </web-app>
                """))
        .containsExactly(500);
  }

  @Test
  void anExternalEntityIsNeverExpanded() throws Exception {
    assertThat(
            pages(
                """
                <?xml version="1.0"?>
                <!DOCTYPE web-app [<!ENTITY code SYSTEM "file:///etc/hostname">]>
                <web-app>
                  <error-page><error-code>&code;</error-code><location>/x</location></error-page>
                  <error-page><error-code>403</error-code><location>/403.html</location></error-page>
                </web-app>
                """))
        .containsExactly(403);
  }
}
