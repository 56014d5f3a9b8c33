package org.tongxing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TongxingApplication {

	public static void main(String[] args) {
		SpringApplication.run(TongxingApplication.class, args);
	}

}
