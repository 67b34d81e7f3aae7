package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How usage since the last reading is shared between a subscription's packs, oldest first. */
class DataPacksShareTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // case | packs as counterAt:remaining, oldest first | counter now | taken per pack
                "one pack                          | 100:1000          | 150 | 50",
                "nothing used                      | 100:1000          | 100 | 0",
                "the older pack first              | 100:30 100:100    | 150 | 30 20",
                "a newer pack waits its turn       | 100:1000 130:1000 | 150 | 50 0",
                "usage before a pack is not its    | 100:10 130:1000   | 150 | 10 20",
                "beyond every pack is not counted  | 100:10 100:15     | 200 | 10 15",
                "a used-up pack takes nothing      | 100:0 100:500     | 160 | 0 60",
                "three packs, staggered            | 0:100 50:100 80:100 | 260 | 100 100 60"
            })
    void share(String name, String packs, long counter, String expected) {
        List<DataPacks.Active> list = new ArrayList<>();
        for (String pack : packs.split(" ")) {
            String[] parts = pack.split(":");
            list.add(new DataPacks.Active(
                    UUID.randomUUID(), new UUID(0, 1), Long.parseLong(parts[1]), Long.parseLong(parts[0])));
        }
        var taken = DataPacks.share(list, counter);
        List<String> got = new ArrayList<>();
        for (var pack : list) {
            got.add(Long.toString(taken.getOrDefault(pack.id(), 0L)));
        }
        assertThat(String.join(" ", got)).isEqualTo(expected);
    }
}
