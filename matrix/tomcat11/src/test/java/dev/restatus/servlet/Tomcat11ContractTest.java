package dev.restatus.servlet;

/** The servlet contract on Tomcat 11 (Servlet 6.1), with servlet-filter's Tomcat fixture. */
class Tomcat11ContractTest extends ServletContractTest {
  @Override
  ServletContainer newContainer() throws Exception {
    return new TomcatContainer();
  }
}
