package org.lantian.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI lantianApi() {
        return new OpenAPI()
                .info(new Info().title("Lantian 蓝天 API").version("0.1")
                        .description("邯郸市大气污染防治指挥调度平台. Every call acts as a user: a browser session, or "
                                + "`Authorization: Bearer lt_...` from `POST /api/tokens`. A county user's calls see and "
                                + "change only that county's data; reads outside it answer 404, writes 403."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
