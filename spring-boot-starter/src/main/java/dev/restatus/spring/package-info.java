/**
 * Spring Boot auto-configuration for Restatus: {@link
 * dev.restatus.spring.RestatusAutoConfiguration}.
 */
package dev.restatus.spring;
