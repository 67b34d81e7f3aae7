package io.moonknight.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against the shared test database. Every test class with this
 * annotation shares one application context; tests isolate themselves by creating their own tenants.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "moonknight.demo.enabled=false",
            "moonknight.platform.admin-username=" + TestTenants.OPERATOR,
            "moonknight.platform.admin-password=" + TestTenants.OPERATOR_PASSWORD,
            "moonknight.security.jwt-secret=bW9vbmtuaWdodC10ZXN0LWtleS1tb29ua25pZ2h0LXRlc3Qta2V5LTAxMjM0NQ==",
            "moonknight.security.lockout.address-failures=1000000",
            "moonknight.billing.daily-run=false",
            "moonknight.radius.bind-address=127.0.0.1",
            "moonknight.radius.auth-port=0",
            "moonknight.radius.acct-port=0",
            "moonknight.radius.coa-timeout=300ms",
            "moonknight.radius.coa-attempts=2",
            "logging.level.io.moonknight=INFO"
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface IntegrationTest {}
