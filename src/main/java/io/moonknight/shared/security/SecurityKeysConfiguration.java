package io.moonknight.shared.security;

import io.moonknight.shared.config.MoonKnightProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityKeysConfiguration {

    @Bean
    SecretBox secretBox(MoonKnightProperties properties) {
        return SecretBox.fromConfiguration(properties);
    }
}
