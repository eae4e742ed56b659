package dev.restatus.servlet;

/** The servlet contract on Tomcat 10.1. */
class TomcatContractTest extends ServletContractTest {
  @Override
  ServletContainer newContainer() throws Exception {
    return new TomcatContainer();
  }
}
