package io.moonknight.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which days of November 2026 a subscription is billed for, and on which plan (A or B). */
class ServiceSegmentsTest {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final Period NOVEMBER = Period.calendarMonth(LocalDate.of(2026, 11, 1));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // case | start | now status | now plan | changes (day:from>to, plan changes day:A>B) | bill suspended |
                // expected
                "all month                 | 2026-01-01 | ACTIVE     | A | -                                 | false |"
                        + " A 1-30",
                "started mid-month         | 2026-11-21 | ACTIVE     | A | -                                 | false |"
                        + " A 21-30",
                "starts after the period   | 2026-12-02 | ACTIVE     | A | -                                 | false |"
                        + " -",
                "terminated on the 11th    | 2026-01-01 | TERMINATED | A | 11:ACTIVE>TERMINATED              | false |"
                        + " A 1-10",
                "terminated last month     | 2026-01-01 | TERMINATED | A | -                                 | false |"
                        + " -",
                "terminated after it       | 2026-01-01 | TERMINATED | A | 35:ACTIVE>TERMINATED              | false |"
                        + " A 1-30",
                "suspended 5th-15th        | 2026-01-01 | ACTIVE     | A | 5:ACTIVE>SUSPENDED 15:SUSPENDED>ACTIVE |"
                        + " false | A 1-4 A 15-30",
                "suspended, billed anyway  | 2026-01-01 | ACTIVE     | A | 5:ACTIVE>SUSPENDED 15:SUSPENDED>ACTIVE |"
                        + " true  | A 1-30",
                "suspended since before    | 2026-01-01 | SUSPENDED  | A | -                                 | false |"
                        + " -",
                "suspended before, resumed | 2026-01-01 | ACTIVE     | A | 20:SUSPENDED>ACTIVE               | false |"
                        + " A 20-30",
                "suspended today           | 2026-01-01 | SUSPENDED  | A | 33:ACTIVE>SUSPENDED               | false |"
                        + " A 1-30",
                "plan change on the 16th   | 2026-01-01 | ACTIVE     | B | 16:A>B                            | false |"
                        + " A 1-15 B 16-30",
                "plan change next month    | 2026-01-01 | ACTIVE     | B | 40:A>B                            | false |"
                        + " A 1-30",
                "changed and back          | 2026-01-01 | ACTIVE     | A | 10:A>B 20:B>A                     | false |"
                        + " A 1-9 B 10-19 A 20-30",
                "two changes one day       | 2026-01-01 | ACTIVE     | A | 10:A>B 10:B>A                     | false |"
                        + " A 1-30",
                "change, then suspended    | 2026-11-05 | TERMINATED | B | 10:A>B 20:ACTIVE>SUSPENDED"
                        + " 25:SUSPENDED>TERMINATED | false | A 5-9 B 10-19",
                "activated on the 8th      | 2026-11-01 | ACTIVE     | A | 8:PENDING>ACTIVE                  | false |"
                        + " A 8-30"
            })
    void segments(
            String name,
            LocalDate start,
            String status,
            String plan,
            String changes,
            boolean billSuspended,
            String expected) {
        List<ServiceSegments.Change> parsed = new ArrayList<>();
        if (!changes.equals("-")) {
            for (String change : changes.split(" ")) {
                String[] dayAndWhat = change.split(":");
                LocalDate on = NOVEMBER.start().plusDays(Integer.parseInt(dayAndWhat[0]) - 1);
                String[] fromTo = dayAndWhat[1].split(">");
                parsed.add(
                        fromTo[0].length() == 1
                                ? ServiceSegments.Change.plan(on, id(fromTo[0]), id(fromTo[1]))
                                : ServiceSegments.Change.status(on, fromTo[0], fromTo[1]));
            }
        }
        var segments = ServiceSegments.split(
                NOVEMBER,
                start,
                status,
                id(plan),
                parsed,
                billSuspended ? Set.of("ACTIVE", "SUSPENDED") : Set.of("ACTIVE"));
        List<String> described = new ArrayList<>();
        for (var segment : segments) {
            described.add((segment.plan().equals(A) ? "A " : "B ")
                    + segment.days().start().getDayOfMonth() + "-"
                    + segment.days().end().minusDays(1).getDayOfMonth());
        }
        assertThat(described.isEmpty() ? "-" : String.join(" ", described)).isEqualTo(expected);
    }

    private static UUID id(String plan) {
        return plan.equals("A") ? A : B;
    }
}
