package io.moonknight.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.moonknight.plans.BillingType;
import io.moonknight.plans.domain.FupRule;
import io.moonknight.shared.web.ProblemException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a plan's validation: the field named and the reason given. */
class PlanDraftTest {

    static final Currency USD = Currency.getInstance("USD");

    record Case(String name, UnaryOperator<PlanDraft> change, String field, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static PlanDraft valid() {
        return new PlanDraft(
                "FIBRE-50",
                "Fibre 50",
                null,
                BillingType.MONTHLY_POSTPAID,
                new BigDecimal("25.00"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                50_000,
                20_000,
                new PlanDraft.BurstInput(80_000, 40_000, 16),
                null,
                List.of(new PlanDraft.FupInput(500, FupRule.Action.REDUCE, 10_000L, 5_000L)),
                List.of(new PlanDraft.TimeInput("Night", "01:00", "07:00", null, 100_000, 50_000)),
                1,
                600,
                null,
                null,
                null);
    }

    static PlanDraft with(PlanDraft d, BillingType type, Integer validity, Long quota, Integer minutes) {
        return new PlanDraft(
                d.code(),
                d.name(),
                d.description(),
                type,
                d.price(),
                d.currency(),
                d.taxClass(),
                d.setupFee(),
                validity,
                quota,
                null,
                minutes,
                d.downloadKbps(),
                d.uploadKbps(),
                d.downloadBurst(),
                d.uploadBurst(),
                d.fupRules(),
                d.timeRules(),
                d.simultaneousUse(),
                d.idleTimeoutSeconds(),
                d.sessionTimeoutSeconds(),
                d.ipv4PoolId(),
                d.ipv6PoolId());
    }

    static PlanDraft overage(PlanDraft d, BillingType type, @Nullable Long quota, String price) {
        return new PlanDraft(
                d.code(),
                d.name(),
                d.description(),
                type,
                d.price(),
                d.currency(),
                d.taxClass(),
                d.setupFee(),
                d.validityDays(),
                quota,
                new BigDecimal(price),
                d.timeLimitMinutes(),
                d.downloadKbps(),
                d.uploadKbps(),
                d.downloadBurst(),
                d.uploadBurst(),
                d.fupRules(),
                d.timeRules(),
                d.simultaneousUse(),
                d.idleTimeoutSeconds(),
                d.sessionTimeoutSeconds(),
                d.ipv4PoolId(),
                d.ipv6PoolId());
    }

    static PlanDraft speeds(PlanDraft d, long down, long up, PlanDraft.BurstInput burst) {
        return new PlanDraft(
                d.code(),
                d.name(),
                d.description(),
                d.billingType(),
                d.price(),
                d.currency(),
                d.taxClass(),
                d.setupFee(),
                d.validityDays(),
                d.quotaMb(),
                d.overagePricePerGb(),
                d.timeLimitMinutes(),
                down,
                up,
                burst,
                d.uploadBurst(),
                d.fupRules(),
                d.timeRules(),
                d.simultaneousUse(),
                d.idleTimeoutSeconds(),
                d.sessionTimeoutSeconds(),
                d.ipv4PoolId(),
                d.ipv6PoolId());
    }

    static PlanDraft money(PlanDraft d, String code, String price, String currency, String tax, String fee) {
        return new PlanDraft(
                code,
                d.name(),
                d.description(),
                d.billingType(),
                new BigDecimal(price),
                currency,
                tax,
                new BigDecimal(fee),
                d.validityDays(),
                d.quotaMb(),
                d.overagePricePerGb(),
                d.timeLimitMinutes(),
                d.downloadKbps(),
                d.uploadKbps(),
                d.downloadBurst(),
                d.uploadBurst(),
                d.fupRules(),
                d.timeRules(),
                d.simultaneousUse(),
                d.idleTimeoutSeconds(),
                d.sessionTimeoutSeconds(),
                d.ipv4PoolId(),
                d.ipv6PoolId());
    }

    static PlanDraft rules(PlanDraft d, List<PlanDraft.FupInput> fups, List<PlanDraft.TimeInput> times, int sessions) {
        return new PlanDraft(
                d.code(),
                d.name(),
                d.description(),
                d.billingType(),
                d.price(),
                d.currency(),
                d.taxClass(),
                d.setupFee(),
                d.validityDays(),
                d.quotaMb(),
                d.overagePricePerGb(),
                d.timeLimitMinutes(),
                d.downloadKbps(),
                d.uploadKbps(),
                d.downloadBurst(),
                d.uploadBurst(),
                fups,
                times,
                sessions,
                d.idleTimeoutSeconds(),
                d.sessionTimeoutSeconds(),
                d.ipv4PoolId(),
                d.ipv6PoolId());
    }

    static List<Case> cases() {
        var night = List.of(new PlanDraft.TimeInput("Night", "01:00", "07:00", null, 100_000, 50_000));
        return List.of(
                new Case(
                        "burst threshold below burst rate",
                        d -> speeds(d, 50_000, 20_000, new PlanDraft.BurstInput(80_000, 90_000, 16)),
                        "downloadBurst",
                        "below the burst rate"),
                new Case(
                        "burst not above the rate",
                        d -> speeds(d, 50_000, 20_000, new PlanDraft.BurstInput(40_000, 20_000, 16)),
                        "downloadBurst",
                        "must be above"),
                new Case(
                        "burst threshold over the rate",
                        d -> speeds(d, 50_000, 20_000, new PlanDraft.BurstInput(80_000, 60_000, 16)),
                        "downloadBurst",
                        "never ends"),
                new Case("rate too low", d -> speeds(d, 1, 20_000, null), "downloadKbps", ""),
                new Case("upload too high", d -> speeds(d, 50_000, 200_000_000, null), "uploadKbps", ""),
                new Case("bad code", d -> money(d, "bad code!", "25", null, null, "0"), "code", "letters"),
                new Case("negative price", d -> money(d, "X", "-1", null, null, "0"), "price", "negative"),
                new Case(
                        "cents on a zero-decimal currency",
                        d -> money(d, "X", "10.50", "JPY", null, "0"),
                        "price",
                        "decimal places"),
                new Case("unknown currency", d -> money(d, "X", "10", "XYZ", null, "0"), "currency", "ISO 4217"),
                new Case("bad tax class", d -> money(d, "X", "10", null, "Standard Rate", "0"), "taxClass", ""),
                new Case("negative setup fee", d -> money(d, "X", "10", null, null, "-5"), "setupFee", "negative"),
                new Case(
                        "prepaid without validity",
                        d -> with(d, BillingType.PREPAID, null, null, null),
                        "validityDays",
                        "validity"),
                new Case(
                        "monthly with validity",
                        d -> with(d, BillingType.MONTHLY_POSTPAID, 30, null, null),
                        "validityDays",
                        "only prepaid"),
                new Case(
                        "data pack without quota",
                        d -> with(d, BillingType.DATA_PACK, 30, null, null),
                        "quotaMb",
                        "allowance"),
                new Case(
                        "monthly with quota but no overage price",
                        d -> with(d, BillingType.MONTHLY_POSTPAID, null, 1000L, null),
                        "overagePricePerGb",
                        "price per GB"),
                new Case(
                        "overage price without allowance",
                        d -> overage(d, BillingType.MONTHLY_POSTPAID, null, "1.00"),
                        "quotaMb",
                        "includes"),
                new Case(
                        "overage on a prepaid plan",
                        d -> overage(with(d, BillingType.PREPAID, 30, null, null), BillingType.PREPAID, null, "1"),
                        "overagePricePerGb",
                        "only monthly"),
                new Case(
                        "zero overage price",
                        d -> overage(d, BillingType.MONTHLY_POSTPAID, 1000L, "0"),
                        "overagePricePerGb",
                        "more than 0"),
                new Case(
                        "negative overage price",
                        d -> overage(d, BillingType.MONTHLY_POSTPAID, 1000L, "-1"),
                        "overagePricePerGb",
                        "negative"),
                new Case(
                        "overage price finer than 4 decimals",
                        d -> overage(d, BillingType.MONTHLY_POSTPAID, 1000L, "0.00001"),
                        "overagePricePerGb",
                        "decimal places"),
                new Case(
                        "voucher without limits",
                        d -> with(d, BillingType.HOTSPOT_VOUCHER, null, null, null),
                        "timeLimitMinutes",
                        "time limit"),
                new Case(
                        "prepaid with time limit",
                        d -> with(d, BillingType.PREPAID, 30, null, 60),
                        "timeLimitMinutes",
                        "only vouchers"),
                new Case(
                        "validity too long",
                        d -> with(d, BillingType.PREPAID, 5000, null, null),
                        "validityDays",
                        "1-3650"),
                new Case(
                        "reduce without rates",
                        d -> rules(
                                d, List.of(new PlanDraft.FupInput(100, FupRule.Action.REDUCE, null, null)), night, 1),
                        "fupRules[0]",
                        "reduced"),
                new Case(
                        "FUP faster than the plan",
                        d -> rules(
                                d,
                                List.of(new PlanDraft.FupInput(100, FupRule.Action.REDUCE, 90_000L, 5_000L)),
                                night,
                                1),
                        "fupRules",
                        "must not be faster"),
                new Case(
                        "bad time",
                        d -> rules(
                                d,
                                List.of(),
                                List.of(new PlanDraft.TimeInput("Night", "25:00", "07:00", null, 100_000, 50_000)),
                                1),
                        "timeRules[0]",
                        ""),
                new Case(
                        "overlapping windows",
                        d -> rules(
                                d,
                                List.of(),
                                List.of(
                                        new PlanDraft.TimeInput("Night", "01:00", "07:00", null, 100_000, 50_000),
                                        new PlanDraft.TimeInput("Dawn", "06:00", "08:00", null, 100_000, 50_000)),
                                1),
                        "timeRules",
                        "overlap"),
                new Case("zero sessions", d -> rules(d, List.of(), night, 0), "simultaneousUse", "1-100"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void invalidPlansNameTheField(Case c) {
        var problem = catchThrowableOfType(
                ProblemException.class, () -> c.change().apply(valid()).check(USD));
        assertThat(problem).as(c.name()).isNotNull();
        assertThat(problem.fieldErrors()).as(c.name()).anySatisfy(error -> {
            assertThat(error.field()).isEqualTo(c.field());
            assertThat(error.message()).contains(c.message());
        });
    }

    @Test
    void aValidPlanIsNormalised() {
        var checked = valid().check(USD);
        assertThat(checked.currency()).isEqualTo(USD);
        assertThat(checked.draft().taxClass()).isEqualTo("standard");
        assertThat(checked.speed().fupRules()).hasSize(1);
        assertThat(with(valid(), BillingType.HOTSPOT_VOUCHER, null, null, 60)
                        .check(USD)
                        .draft()
                        .timeLimitMinutes())
                .isEqualTo(60);
        assertThat(with(valid(), BillingType.DATA_PACK, 30, 10_000L, null)
                        .check(USD)
                        .draft()
                        .quotaMb())
                .isEqualTo(10_000L);
        var capped = overage(valid(), BillingType.MONTHLY_POSTPAID, 200_000L, "0.5")
                .check(USD)
                .draft();
        assertThat(capped.quotaMb()).isEqualTo(200_000L);
        assertThat(capped.overagePricePerGb()).isEqualByComparingTo("0.50");
    }
}
