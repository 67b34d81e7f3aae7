package io.moonknight.shared.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MoonKnightProperties.class)
class ConfigurationPropertiesSetup {}
