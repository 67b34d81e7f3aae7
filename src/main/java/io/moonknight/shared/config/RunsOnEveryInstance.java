package io.moonknight.shared.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that must run on every instance because it only refreshes this instance's
 * memory (a cache, a registry) and writes no shared data; it therefore takes no {@code @SchedulerLock}. Every
 * other scheduled method must carry {@code @SchedulerLock} (checked by {@code ArchitectureTests}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunsOnEveryInstance {

    /** Why this job is per instance. */
    String value();
}
