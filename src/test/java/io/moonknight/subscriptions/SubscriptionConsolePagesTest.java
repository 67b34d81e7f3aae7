package io.moonknight.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestData;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the subscription pages offer: plans with prices, nothing chosen for the user, a reviewed plan change. */
@IntegrationTest
class SubscriptionConsolePagesTest {

    @LocalServerPort
    int port;

    @Test
    void theNewSubscriptionFormShowsPricesAndChoosesNoPlan() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String home = new TestData(api, tenant.adminToken()).monthlyPlan("HOME", "Home", "10");
        var session = ConsoleSession.admin(api, tenant.slug());

        String form = session.page("/subscriptions/new").body();

        assertThat(form).contains("Choose a plan...", "Home - BDT 10.00 a month", "As the plan");
        assertThat(selected(form, home)).as("no plan is chosen for the user").isFalse();
    }

    @Test
    void changingThePlanPreselectsTheCurrentOneAndShowsTheProrationBeforeConfirming() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String token = tenant.adminToken();
        var data = new TestData(api, token);
        String home = data.monthlyPlan("HOME", "Home", "10");
        String fast = data.monthlyPlan("FAST", "Fast", "40");
        String customer = data.customer("Rata", "LEAD", "+8801711000021");
        String subscription = data.pppoe(customer, home, "pro.rata", true);
        var session = ConsoleSession.admin(api, tenant.slug());

        String detail = session.page("/subscriptions/" + subscription).body();
        assertThat(selected(detail, home)).as("the current plan is preselected").isTrue();
        assertThat(detail).contains("Home - BDT 10.00 a month (current)", "Review the change");
        assertThat(detail)
                .as("terminating is its own, confirmed action")
                .contains("id=\"terminate-form\"", "data-confirm=\"Terminate this subscription for good?");

        var review = session.page("/subscriptions/" + subscription + "/change-plan?planId=" + fast + "&when=NOW");
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body())
                .contains("Home - BDT 10.00 a month", "Fast - BDT 40.00 a month", "Confirm the change")
                .contains("/billing/plan-change-preview?subscription=" + subscription + "&amp;plan=" + fast
                        + "&amp;when=NOW");
        assertThat(api.get("/api/v1/subscriptions/" + subscription, token).text("planId"))
                .as("reviewing changes nothing")
                .isEqualTo(home);

        String preview = session.page(
                        "/billing/plan-change-preview?subscription=" + subscription + "&plan=" + fast + "&when=NOW")
                .body();
        LocalDate today = TestTenants.today();
        LocalDate first = today.withDayOfMonth(1);
        long days = ChronoUnit.DAYS.between(first, first.plusMonths(1));
        long rest = ChronoUnit.DAYS.between(today, first.plusMonths(1));
        BigDecimal credit = share("10", rest, days).negate();
        BigDecimal charge = share("40", rest, days);
        assertThat(preview)
                .contains("remaining " + rest + " of " + days + " days")
                .contains("BDT " + credit.toPlainString(), "BDT " + charge.toPlainString())
                .contains("BDT " + charge.add(credit).toPlainString());
    }

    private static BigDecimal share(String price, long rest, long days) {
        return new BigDecimal(price)
                .multiply(BigDecimal.valueOf(rest))
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }

    private static boolean selected(String html, String optionValue) {
        return Pattern.compile("<option value=\"" + optionValue + "\"[^>]*selected")
                .matcher(html)
                .find();
    }
}
