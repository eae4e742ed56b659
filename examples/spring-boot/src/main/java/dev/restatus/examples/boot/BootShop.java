package dev.restatus.examples.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A Spring Boot shop written as if Restatus did not exist: {@code restatus-spring-boot-starter} on
 * the class path and the {@code restatus.*} lines of {@code application.properties} are all it
 * takes. Run it on port 8081 with {@code ./mvnw -B -ntp -pl examples/spring-boot -am -DskipTests
 * package exec:java}.
 */
@SpringBootApplication
@RestController
public class BootShop {

  /**
   * @param args Spring Boot's arguments ({@code --server.port=0} for a free port)
   */
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(BootShop.class);
    app.setDefaultProperties(Map.of("server.port", "8081"));
    app.run(args);
  }

  /**
   * @param id an order id: 13 fails with a database error, 0 is invalid, others are missing but 42
   * @return the order
   */
  @GetMapping("/orders/{id}")
  public Map<String, Object> order(@PathVariable("id") long id) {
    if (id == 13) {
      throw new IllegalStateException(
          "connection to jdbc:postgresql://db/shop?password=hunter2 lost");
    }
    if (id <= 0) {
      throw new IllegalArgumentException("order ids are positive");
    }
    if (id != 42) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return Map.of("id", 42, "sku", "rose", "qty", 3);
  }

  /**
   * @return the user list, which only administrators may see
   */
  @GetMapping("/admin/users")
  public String users() {
    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
  }

  /**
   * @return the monthly export, after three seconds
   * @throws InterruptedException if interrupted
   */
  @PostMapping("/reports/export")
  public ResponseEntity<Map<String, Object>> export() throws InterruptedException {
    Thread.sleep(3000);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("report", "monthly", "rows", 1234));
  }
}
