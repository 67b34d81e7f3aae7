package io.moonknight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MoonKnightApplication {

    public static void main(String[] args) {
        SpringApplication.run(MoonKnightApplication.class, args);
    }
}
