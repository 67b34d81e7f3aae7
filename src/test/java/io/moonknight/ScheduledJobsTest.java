package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.radius.RadiusFixtures;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ClassUtils;

/**
 * Every scheduled job of every module, run once against the real database with data present: none may fail. The
 * scheduler only logs a job's exception, so a broken job would otherwise go unnoticed.
 */
@IntegrationTest
class ScheduledJobsTest {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LockProvider locks;

    record Job(String bean, Object instance, Method method) {

        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }

    @Test
    void everyScheduledJobRunsWithoutErrorAndTheStaleSessionJobClosesAZombieSession() throws Exception {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        UUID subscription = RadiusFixtures.subscription(api, tenant, "ghost");
        UUID zombie = RadiusFixtures.session(
                jdbc, tenant.id(), UUID.randomUUID(), subscription, "ghost", Duration.ofHours(1));

        String oldKey = "old-" + UUID.randomUUID();
        jdbc.sql("""
            insert into shared.idempotency_keys (tenant_id, principal_id, idempotency_key, request_method,
                request_path, fingerprint, claim_token, claimed_at, created_at)
            values (:t, :p, :k, 'POST', '/api/v1/payments', '\\x00', :p, now() - interval '2 days',
                now() - interval '2 days')
            """)
                .param("t", tenant.id())
                .param("p", UUID.randomUUID())
                .param("k", oldKey)
                .update();

        List<Job> jobs = jobs();
        assertThat(jobs)
                .map(Job::toString)
                .as("the jobs are found")
                .contains(
                        "StaleSessionJob.run",
                        "CoaRequests.run",
                        "PlanChangeJob.run",
                        "ImportRunner.failAbandoned",
                        "IdempotencyKeyPurge.purge");
        List<String> failures = new ArrayList<>();
        for (Job job : jobs) {
            Object target = AopTestUtils.getUltimateTargetObject(job.instance()); // past the lock: run it now
            job.method().setAccessible(true);
            try {
                job.method().invoke(target);
            } catch (InvocationTargetException e) {
                failures.add(job + ": " + e.getCause());
            }
        }
        assertThat(failures).as("jobs that failed").isEmpty();
        assertThat(jdbc.sql("select count(*) from shared.idempotency_keys where idempotency_key = :k")
                        .param("k", oldKey)
                        .query(Integer.class)
                        .single())
                .as("the idempotency key older than a day is purged")
                .isZero();

        assertThat(jdbc.sql("select count(*) from radius.sessions where id = :id")
                        .param("id", zombie)
                        .query(Integer.class)
                        .single())
                .as("the zombie session is closed")
                .isZero();
        assertThat(jdbc.sql("select terminate_cause from radius.session_history where id = :id")
                        .param("id", zombie)
                        .query(String.class)
                        .single())
                .isEqualTo("Stale");
    }

    @Test
    void everyLockedJobIsCalledThroughItsLockAndLockNamesAreUnique() {
        Set<String> names = new java.util.HashSet<>();
        for (Job job : jobs()) {
            SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(job.method(), SchedulerLock.class);
            if (lock == null) {
                continue; // runs on every instance (ArchitectureTests allows only that)
            }
            assertThat(names.add(lock.name()))
                    .as("lock name %s used once", lock.name())
                    .isTrue();
            assertThat(AopUtils.isAopProxy(job.instance()))
                    .as("%s is proxied", job)
                    .isTrue();
            assertThat(overrides(job.instance().getClass(), job.method()))
                    .as(
                            "the proxy of %s intercepts %s (a package-private method must still be intercepted)",
                            job.bean(), job)
                    .isTrue();
        }
        assertThat(names).isNotEmpty();
    }

    @Test
    void theLockIsHeldByOneCallerAtATime() {
        String name = "test-" + UUID.randomUUID();
        var config = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
        var first = locks.lock(config);
        assertThat(first).isPresent();
        assertThat(locks.lock(config)).as("held").isEmpty();
        first.get().unlock();
        var again = locks.lock(config);
        assertThat(again).as("released").isPresent();
        again.get().unlock();
    }

    private static boolean overrides(Class<?> proxy, Method method) {
        try {
            return proxy.getDeclaredMethod(method.getName(), method.getParameterTypes()) != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Every singleton of ours with {@code @Scheduled} methods, and those methods. */
    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        var factory = context.getBeanFactory();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !factory.isSingleton(name)) {
                continue;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            if (!user.getName().startsWith("io.moonknight.")) {
                continue;
            }
            Map<Method, Scheduled> scheduled =
                    MethodIntrospector.selectMethods(user, (MethodIntrospector.MetadataLookup<Scheduled>)
                            m -> AnnotatedElementUtils.findMergedAnnotation(m, Scheduled.class));
            if (scheduled.isEmpty()) {
                continue;
            }
            Object bean = context.getBean(name);
            scheduled.keySet().stream()
                    .sorted(java.util.Comparator.comparing(Method::getName))
                    .forEach(m -> jobs.add(new Job(name, bean, m)));
        }
        return jobs;
    }
}
