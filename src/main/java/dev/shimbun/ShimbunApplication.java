package dev.shimbun;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShimbunApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShimbunApplication.class, args);
	}

}
