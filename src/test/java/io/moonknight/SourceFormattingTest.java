package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javaformat.java.Formatter;
import com.palantir.javaformat.java.FormatterException;
import com.palantir.javaformat.java.JavaFormatterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's formatter: every Java source is formatted with palantir-java-format. It runs as a test
 * because Maven itself runs on Java 17 here, which cannot parse the Java 25 sources. To reformat, run
 * {@code ./mvnw test -Dtest=SourceFormattingTest -Dmoonknight.format=apply}.
 */
class SourceFormattingTest {

    private static final boolean APPLY = "apply".equals(System.getProperty("moonknight.format"));

    @Test
    void everySourceFileIsFormatted() throws IOException, FormatterException {
        var formatter = Formatter.createFormatter(JavaFormatterOptions.builder()
                .style(JavaFormatterOptions.Style.PALANTIR)
                .build());
        List<String> unformatted = new ArrayList<>();
        for (Path file : sources()) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String formatted = formatter.formatSourceAndFixImports(source);
            if (!formatted.equals(source)) {
                if (APPLY) {
                    Files.writeString(file, formatted, StandardCharsets.UTF_8);
                } else {
                    unformatted.add(file.toString());
                }
            }
        }
        assertThat(unformatted)
                .as("Run ./mvnw test -Dtest=SourceFormattingTest -Dmoonknight.format=apply to format these")
                .isEmpty();
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
