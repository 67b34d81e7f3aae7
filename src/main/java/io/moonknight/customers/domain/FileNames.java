package io.moonknight.customers.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Makes an uploaded file's name safe to store and to send back in a header: no directories, no control or
 * shell-special characters, at most 120 characters, and the extension that matches the detected content.
 */
public final class FileNames {

    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf",
            "image/jpeg", "jpg",
            "image/png", "png",
            "image/webp", "webp",
            "image/heic", "heic",
            "image/tiff", "tif");

    private FileNames() {}

    public static String sanitise(String original, String contentType) {
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKC);
        name = name.replaceAll("[\\p{Cntrl}\"'`<>|:*?;$&%{}\\[\\]]", "")
                .replaceAll("\\s+", " ")
                .strip();
        int dot = name.lastIndexOf('.');
        String base = dot >= 0 ? name.substring(0, dot) : name;
        base = base.replaceAll("^[.\\- ]+", "").strip();
        if (base.isEmpty()) {
            base = "document";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100).strip();
        }
        String extension = EXTENSIONS.getOrDefault(
                contentType.toLowerCase(Locale.ROOT), dot > 0 ? name.substring(dot + 1) : "bin");
        return base + "." + extension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
