package dev.restatus.servlet;

/**
 * The servlet contract in Spring Boot 3.5 applications on embedded Tomcat, with Boot's own error
 * handling ({@code BasicErrorController} on {@code /error}).
 */
class SpringBootContractTest extends ServletContractTest {
  @Override
  ServletContainer newContainer() {
    return new SpringBootContainer();
  }
}
