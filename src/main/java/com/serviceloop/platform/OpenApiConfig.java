package com.serviceloop.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfig {
    /** Lets "Authorize" in Swagger UI take an API token. */
    @Bean
    OpenAPI serviceLoopApi() {
        return new OpenAPI()
                .info(new Info().title("ServiceLoop API").version("v1")
                        .description("Customer-service quality management. Authenticate with an API token issued by an "
                                + "administrator: 'Authorization: Bearer sl_...'. Errors are problem+json; bad input "
                                + "lists the fields in 'errors'.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
