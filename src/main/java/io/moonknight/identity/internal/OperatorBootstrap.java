package io.moonknight.identity.internal;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.console.StartupReport;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the platform operator on first start from {@code moonknight.platform.*}. Without a configured
 * password one is generated and printed once.
 */
@Component
@Order(10)
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final OperatorRepository operators;
    private final PasswordEncoder encoder;
    private final MoonKnightProperties.Platform settings;
    private final StartupReport report;
    private final Clock clock;

    OperatorBootstrap(
            OperatorRepository operators,
            PasswordEncoder encoder,
            MoonKnightProperties properties,
            StartupReport report,
            Clock clock) {
        this.operators = operators;
        this.encoder = encoder;
        this.settings = properties.platform();
        this.report = report;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String username = Username.parse(settings.adminUsername()).value();
        if (operators.findByUsername(username).isPresent()) {
            report.add("Platform operator: " + username + " (leave the tenant blank on the login page)");
            return;
        }
        String configured = settings.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        operators.save(new PlatformOperator(
                username,
                username + "@platform.local",
                "Platform operator",
                java.util.Objects.requireNonNull(encoder.encode(password)),
                clock.instant()));
        log.info("Created the platform operator '{}'", username);
        report.add("Platform operator: " + username + " / "
                + (generated
                        ? password
                                + "  (generated now; shown only once - change it or set"
                                + " moonknight.platform.admin-password)"
                        : "(password from moonknight.platform.admin-password)")
                + "; leave the tenant blank on the login page");
    }

    private static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
