package io.moonknight.radius.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RADIUS server's settings ({@code moonknight.radius.*}).
 *
 * @param enabled start the UDP server with the application
 * @param bindAddress the address to listen on
 * @param authPort Access-Request port (RFC 2865: 1812); 0 picks a free port (tests)
 * @param acctPort Accounting-Request port (RFC 2866: 1813); 0 picks a free port
 * @param interimInterval the Acct-Interim-Interval sent in every Access-Accept
 * @param cacheTtl how long plan, pool and VLAN look-ups are reused; changes made on this instance apply at once,
 *     changes on other instances after at most this long (subscribers follow their changes, see LookupCache)
 * @param coaTimeout how long to wait for a CoA / Disconnect answer before retrying
 * @param coaAttempts how many times a CoA / Disconnect is sent before it counts as failed
 * @param threads threads per port that receive and handle packets (a cache miss blocks one for a query)
 * @param accountingWriters accounting group-commit writers (each session always goes to the same one)
 */
@ConfigurationProperties("moonknight.radius")
public record RadiusProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("1812") int authPort,
        @DefaultValue("1813") int acctPort,
        @DefaultValue("300s") Duration interimInterval,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("2s") Duration coaTimeout,
        @DefaultValue("3") int coaAttempts,
        @DefaultValue("8") int threads,
        @DefaultValue("2") int accountingWriters) {}
