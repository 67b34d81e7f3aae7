package io.moonknight.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        national id.pdf                 | application/pdf | national id.pdf
        ../../etc/passwd                | application/pdf | passwd.pdf
        C:\\Users\\me\\scan.JPG          | image/jpeg      | scan.jpg
        photo.exe                       | image/jpeg      | photo.jpg
        invoice";rm -rf /;".pdf         | application/pdf | document.pdf
        my<scan>?*.pdf                  | application/pdf | myscan.pdf
        <script>alert(1)</script>.png   | image/png       | script.png
        .hidden                         | application/pdf | document.pdf
        ''                              | image/png       | document.png
        """)
    void makesNamesSafe(String original, String contentType, String expected) {
        assertThat(FileNames.sanitise(original, contentType)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"application/pdf,pdf", "image/webp,webp", "image/tiff,tif"})
    void limitsLengthAndUsesTheDetectedExtension(String contentType, String extension) {
        String name = FileNames.sanitise("x".repeat(300) + ".txt", contentType);
        assertThat(name).hasSize(100 + 1 + extension.length()).endsWith("." + extension);
    }
}
