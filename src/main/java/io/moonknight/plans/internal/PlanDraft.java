package io.moonknight.plans.internal;

import io.moonknight.plans.BillingType;
import io.moonknight.plans.domain.Burst;
import io.moonknight.plans.domain.FupRule;
import io.moonknight.plans.domain.Rate;
import io.moonknight.plans.domain.SpeedProfile;
import io.moonknight.plans.domain.TimeRule;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A plan as staff enter it (the API's request body and the console form's result). {@link #check} validates
 * everything at once and names each wrong field; speeds are in kbit/s (1 Mbit/s = 1000).
 */
public record PlanDraft(
        @Schema(example = "FIBRE-50") @NotNull @Size(max = 30)
        String code,

        @Schema(example = "Fibre 50") @NotNull @Size(max = 80)
        String name,

        @Nullable @Size(max = 2000) String description,
        @Schema(example = "MONTHLY_POSTPAID") @NotNull BillingType billingType,
        @Schema(example = "25.00") @NotNull BigDecimal price,

        @Schema(example = "USD", description = "ISO 4217; the tenant's currency when left out") @Nullable @Size(max = 3)
        String currency,

        @Schema(example = "standard", description = "The billing module's tax class; `standard` when left out")
        @Nullable
        @Size(max = 30)
        String taxClass,

        @Schema(example = "10.00") @Nullable BigDecimal setupFee,

        @Schema(description = "Prepaid, data packs (required) and vouchers (optional): days a purchase lasts") @Nullable
        Integer validityDays,

        @Schema(
                description = "Data packs (required), vouchers and monthly plans with an overage price: data"
                        + " allowance in megabytes (10^6 bytes); for a monthly plan, what each billing period"
                        + " includes")
        @Nullable
        Long quotaMb,

        @Schema(
                example = "2.00",
                description = "Monthly plans with a data allowance: the price of each GB (10^9 bytes) used"
                        + " beyond it in a billing period, charged to the megabyte on the period's invoice")
        @Nullable
        BigDecimal overagePricePerGb,

        @Schema(description = "Vouchers: connected time allowed, in minutes") @Nullable
        Integer timeLimitMinutes,

        @Schema(example = "50000") long downloadKbps,
        @Schema(example = "20000") long uploadKbps,
        @Valid @Nullable BurstInput downloadBurst,
        @Valid @Nullable BurstInput uploadBurst,
        @Nullable @Size(max = 10) List<@Valid @NotNull FupInput> fupRules,
        @Nullable @Size(max = 10) List<@Valid @NotNull TimeInput> timeRules,

        @Schema(example = "1", description = "Sessions a subscriber may have at once") @Nullable
        Integer simultaneousUse,

        @Schema(example = "600") @Nullable Integer idleTimeoutSeconds,
        @Schema(example = "86400") @Nullable Integer sessionTimeoutSeconds,
        @Nullable UUID ipv4PoolId,
        @Nullable UUID ipv6PoolId) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,29}");
    private static final Pattern TAX_CLASS = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    /** Burst in one direction: up to {@code rateKbps} while the average stays below {@code thresholdKbps}. */
    public record BurstInput(
            @Schema(example = "80000") long rateKbps,
            @Schema(example = "40000") long thresholdKbps,
            @Schema(example = "16") int seconds) {}

    /** After {@code afterGigabytes} in the cycle: a reduced speed ({@code REDUCE}) or no service ({@code BLOCK}). */
    public record FupInput(
            @Schema(example = "500") long afterGigabytes,
            @Schema(example = "REDUCE") @NotNull FupRule.Action action,
            @Schema(example = "10000") @Nullable Long downloadKbps,
            @Schema(example = "5000") @Nullable Long uploadKbps) {}

    /** A speed for a daily window (local time of the tenant); a window ending before it starts runs overnight. */
    public record TimeInput(
            @Schema(example = "Night") @NotNull @Size(max = 40)
            String name,

            @Schema(example = "01:00") @NotNull @Size(max = 8)
            String from,

            @Schema(example = "07:00") @NotNull @Size(max = 8)
            String to,

            @Schema(description = "Days the window starts on; every day when left out") @Nullable
            List<DayOfWeek> days,

            @Schema(example = "100000") long downloadKbps,
            @Schema(example = "50000") long uploadKbps) {}

    /** The draft normalised, with its speed profile. */
    record Checked(PlanDraft draft, SpeedProfile speed, Currency currency) {}

    Checked check(Currency tenantCurrency) {
        List<FieldError> errors = new ArrayList<>();
        String cleanCode = code.strip();
        if (!CODE.matcher(cleanCode).matches()) {
            errors.add(new FieldError(
                    "code", "use 1-30 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        String cleanName = name.strip();
        if (cleanName.isEmpty()) {
            errors.add(new FieldError("name", "give the plan a name"));
        }
        Currency money = tenantCurrency;
        if (currency != null && !currency.isBlank()) {
            try {
                money = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", "'" + currency + "' is not an ISO 4217 currency code"));
            }
        }
        int digits = Math.max(money.getDefaultFractionDigits(), 0);
        money(errors, "price", price, digits);
        BigDecimal fee = setupFee == null ? BigDecimal.ZERO : setupFee;
        money(errors, "setupFee", fee, digits);
        String tax = taxClass == null || taxClass.isBlank() ? "standard" : taxClass.strip();
        if (!TAX_CLASS.matcher(tax).matches()) {
            errors.add(new FieldError("taxClass", "use 1-30 lowercase letters, digits or '-'"));
        }
        allowance(errors);
        if (overagePricePerGb != null) {
            money(errors, "overagePricePerGb", overagePricePerGb, 4);
            if (overagePricePerGb.signum() == 0) {
                errors.add(new FieldError("overagePricePerGb", "must be more than 0; leave it out for no overage"));
            }
        }
        int sessions = simultaneousUse == null ? 1 : simultaneousUse;
        if (sessions < 1 || sessions > 100) {
            errors.add(new FieldError("simultaneousUse", "must be 1-100 sessions"));
        }
        seconds(errors, "idleTimeoutSeconds", idleTimeoutSeconds);
        seconds(errors, "sessionTimeoutSeconds", sessionTimeoutSeconds);

        Rate rate = null;
        try {
            rate = new Rate(downloadKbps, uploadKbps);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    downloadKbps < Rate.MIN_KBPS || downloadKbps > Rate.MAX_KBPS ? "downloadKbps" : "uploadKbps",
                    String.valueOf(e.getMessage())));
        }
        Burst down = downloadBurst == null
                ? null
                : new Burst(downloadBurst.rateKbps(), downloadBurst.thresholdKbps(), downloadBurst.seconds());
        Burst up = uploadBurst == null
                ? null
                : new Burst(uploadBurst.rateKbps(), uploadBurst.thresholdKbps(), uploadBurst.seconds());
        if (rate != null && down != null) {
            check(errors, "downloadBurst", () -> down.check("download", downloadKbps));
        }
        if (rate != null && up != null) {
            check(errors, "uploadBurst", () -> up.check("upload", uploadKbps));
        }
        List<FupRule> fups = new ArrayList<>();
        List<FupInput> fupInputs = fupRules == null ? List.of() : fupRules;
        for (int i = 0; i < fupInputs.size(); i++) {
            FupInput input = fupInputs.get(i);
            String field = "fupRules[" + i + "]";
            try {
                Rate reduced = null;
                if (input.action() == FupRule.Action.REDUCE) {
                    if (input.downloadKbps() == null || input.uploadKbps() == null) {
                        throw new IllegalArgumentException("give the reduced download and upload rates");
                    }
                    reduced = new Rate(input.downloadKbps(), input.uploadKbps());
                }
                fups.add(new FupRule(input.afterGigabytes(), input.action(), reduced));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, String.valueOf(e.getMessage())));
            }
        }
        List<TimeRule> windows = new ArrayList<>();
        List<TimeInput> timeInputs = timeRules == null ? List.of() : timeRules;
        for (int i = 0; i < timeInputs.size(); i++) {
            TimeInput input = timeInputs.get(i);
            String field = "timeRules[" + i + "]";
            try {
                windows.add(new TimeRule(
                        input.name(),
                        time(input.from()),
                        time(input.to()),
                        input.days() == null || input.days().isEmpty()
                                ? EnumSet.allOf(DayOfWeek.class)
                                : EnumSet.copyOf(input.days()),
                        new Rate(input.downloadKbps(), input.uploadKbps())));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, String.valueOf(e.getMessage())));
            }
        }
        SpeedProfile speed = null;
        if (errors.isEmpty() && rate != null) {
            try {
                speed = new SpeedProfile(rate, down, up, fups, windows);
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                errors.add(new FieldError(message.contains("time rule") ? "timeRules" : "fupRules", message));
            }
        }
        if (!errors.isEmpty() || speed == null) {
            throw ProblemException.invalidFields(errors);
        }
        var clean = new PlanDraft(
                cleanCode,
                cleanName,
                description == null || description.isBlank() ? null : description.strip(),
                billingType,
                price.setScale(digits),
                money.getCurrencyCode(),
                tax,
                fee.setScale(digits),
                validityDays,
                quotaMb,
                overagePricePerGb == null ? null : overagePricePerGb.setScale(Math.max(4, digits)),
                timeLimitMinutes,
                downloadKbps,
                uploadKbps,
                downloadBurst,
                uploadBurst,
                fupInputs,
                timeInputs,
                sessions,
                idleTimeoutSeconds == null || idleTimeoutSeconds == 0 ? null : idleTimeoutSeconds,
                sessionTimeoutSeconds == null || sessionTimeoutSeconds == 0 ? null : sessionTimeoutSeconds,
                ipv4PoolId,
                ipv6PoolId);
        return new Checked(clean, speed, money);
    }

    /** What each billing type needs and allows. */
    private void allowance(List<FieldError> errors) {
        boolean needsValidity = billingType == BillingType.PREPAID || billingType == BillingType.DATA_PACK;
        boolean allowsValidity = needsValidity || billingType == BillingType.HOTSPOT_VOUCHER;
        if (validityDays == null && needsValidity) {
            errors.add(new FieldError("validityDays", "a " + label() + " plan needs its validity in days"));
        } else if (validityDays != null && !allowsValidity) {
            errors.add(new FieldError("validityDays", "only prepaid plans, data packs and vouchers have a validity"));
        } else if (validityDays != null && (validityDays < 1 || validityDays > 3650)) {
            errors.add(new FieldError("validityDays", "must be 1-3650 days"));
        }
        boolean monthly = billingType == BillingType.MONTHLY_POSTPAID;
        boolean allowsQuota = billingType == BillingType.DATA_PACK
                || billingType == BillingType.HOTSPOT_VOUCHER
                || (monthly && overagePricePerGb != null);
        if (overagePricePerGb != null && !monthly) {
            errors.add(new FieldError(
                    "overagePricePerGb", "only monthly postpaid plans charge for data beyond an" + " allowance"));
        } else if (overagePricePerGb != null && quotaMb == null) {
            errors.add(new FieldError("quotaMb", "give the data each billing period includes, before overage"));
        }
        if (quotaMb == null && billingType == BillingType.DATA_PACK) {
            errors.add(new FieldError("quotaMb", "a data pack needs its data allowance"));
        } else if (quotaMb != null && monthly && overagePricePerGb == null) {
            errors.add(new FieldError(
                    "overagePricePerGb", "a monthly plan's data allowance needs the price per GB" + " beyond it"));
        } else if (quotaMb != null && !allowsQuota && !monthly) {
            errors.add(new FieldError(
                    "quotaMb", "only data packs, vouchers and monthly plans with overage carry a" + " data allowance"));
        } else if (quotaMb != null && (quotaMb < 1 || quotaMb > 100_000_000L)) {
            errors.add(new FieldError("quotaMb", "must be 1 MB to 100 TB"));
        }
        if (timeLimitMinutes != null && billingType != BillingType.HOTSPOT_VOUCHER) {
            errors.add(new FieldError("timeLimitMinutes", "only vouchers have a time limit"));
        } else if (timeLimitMinutes != null && (timeLimitMinutes < 1 || timeLimitMinutes > 525_600)) {
            errors.add(new FieldError("timeLimitMinutes", "must be 1 minute to 1 year"));
        }
        if (billingType == BillingType.HOTSPOT_VOUCHER && timeLimitMinutes == null && quotaMb == null) {
            errors.add(new FieldError("timeLimitMinutes", "a voucher needs a time limit, a data limit or both"));
        }
    }

    private String label() {
        return billingType.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void money(List<FieldError> errors, String field, BigDecimal amount, int digits) {
        if (amount.signum() < 0) {
            errors.add(new FieldError(field, "cannot be negative"));
        } else if (amount.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError(field, "is too large"));
        } else if (amount.stripTrailingZeros().scale() > digits) {
            errors.add(new FieldError(field, "has more than " + digits + " decimal places for the currency"));
        }
    }

    private static void seconds(List<FieldError> errors, String field, @Nullable Integer value) {
        if (value != null && (value < 0 || value > 30 * 86400)) {
            errors.add(new FieldError(field, "must be 0-2592000 seconds (30 days); 0 or empty for none"));
        }
    }

    private static void check(List<FieldError> errors, String field, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, String.valueOf(e.getMessage())));
        }
    }

    static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip()).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time such as 01:30");
        }
    }
}
