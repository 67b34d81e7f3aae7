package io.moonknight.identity.domain;

import java.util.Locale;

/** A short, human name for the device behind a User-Agent header ("Chrome on Android"), for session lists. */
public final class UserAgents {

    private UserAgents() {}

    public static String describe(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.isBlank()) {
            return "Unknown device";
        }
        String client = ua.contains("edg/")
                ? "Edge"
                : ua.contains("opr/") || ua.contains("opera")
                        ? "Opera"
                        : ua.contains("firefox/")
                                ? "Firefox"
                                : ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")
                                        ? "Chrome"
                                        : ua.contains("safari/")
                                                ? "Safari"
                                                : ua.startsWith("curl/")
                                                        ? "curl"
                                                        : ua.contains("postman")
                                                                ? "Postman"
                                                                : ua.startsWith("java")
                                                                                || ua.contains("java-http-client")
                                                                        ? "Java client"
                                                                        : ua.startsWith("python")
                                                                                ? "Python client"
                                                                                : "Other client";
        String system = ua.contains("android")
                ? "Android"
                : ua.contains("iphone") || ua.contains("ipad") || ua.contains("ios")
                        ? "iOS"
                        : ua.contains("windows")
                                ? "Windows"
                                : ua.contains("mac os") || ua.contains("macintosh")
                                        ? "macOS"
                                        : ua.contains("linux") ? "Linux" : "";
        return system.isEmpty() ? client : client + " on " + system;
    }
}
