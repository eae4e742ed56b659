package dev.restatus.servlet;

/**
 * The servlet contract on Tomcat 10.1 (Servlet 6.0), with servlet-filter's Tomcat fixture and, as
 * in a real Tomcat, Tomcat's own {@code HttpServlet} (in servlet-filter's own tests the API jar's
 * would run instead).
 */
class Tomcat10ContractTest extends ServletContractTest {
  @Override
  ServletContainer newContainer() throws Exception {
    return new TomcatContainer();
  }
}
