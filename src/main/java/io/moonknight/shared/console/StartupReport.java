package io.moonknight.shared.console;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Lines that modules want printed once the server is up (generated passwords, demo logins). */
@Component
public class StartupReport {

    private final List<String> lines = new ArrayList<>();

    public synchronized void add(String line) {
        lines.add(line);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
