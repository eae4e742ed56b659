package dev.restatus.jaxrs;

/** The JAX-RS contract on Jersey 4.0 (Jakarta REST 4.0) on the JDK HTTP server. */
class Jersey4JdkHttpContractTest extends JdkHttpStackContract {}
