package org.greenlane;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GreenlaneApplication {

    public static void main(String[] args) {
        // The engine reads each timer's duration with a new DatatypeFactory; unless this property names the JDK's
        // own, each one searches every jar on the class path for another (3 % of the CPU under load).
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
        SpringApplication.run(GreenlaneApplication.class, args);
    }
}
