package dev.restatus.jaxrs;

/** The JAX-RS contract on Jersey 3.1 on the JDK HTTP server. */
class JerseyJdkHttpContractTest extends JdkHttpStackContract {}
