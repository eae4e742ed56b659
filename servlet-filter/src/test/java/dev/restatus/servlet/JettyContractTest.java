package dev.restatus.servlet;

/** The servlet contract on Jetty 12 (ee10). */
class JettyContractTest extends ServletContractTest {
  @Override
  ServletContainer newContainer() {
    return new JettyContainer();
  }
}
