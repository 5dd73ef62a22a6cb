package cn.rtms;

import cn.rtms.platform.XmlFactories;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * RTMS — 限制类医疗技术临床应用管理平台. One modular monolith; each direct sub-package is a module
 * verified by Spring Modulith.
 */
@SpringBootApplication
public class Application {

	static {
		// Before any workbook is written: POI asks for a new TransformerFactory per part.
		XmlFactories.preferJdkTransformer();
	}

	/**
	 * Starts the platform.
	 * @param args command-line arguments passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(Application.class, args);
	}

}
