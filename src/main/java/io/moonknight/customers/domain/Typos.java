package io.moonknight.customers.domain;

/**
 * How far apart two words are for typo correction: the optimal-string-alignment distance (insertions,
 * deletions, substitutions and swaps of neighbouring letters, each one edit), and how many edits a word of a
 * given length may carry and still count as a typo.
 */
public final class Typos {

    /** Shorter words are not corrected: too many real words are one edit apart. */
    public static final int MIN_LENGTH = 4;

    private Typos() {}

    /**
     * Whether a query word is corrected when it matches nothing: words of letters (with their combining marks, as
     * in Bengali), at least {@link #MIN_LENGTH} long.
     */
    public static boolean correctable(String word) {
        return word.length() >= MIN_LENGTH && word.codePoints().allMatch(Typos::partOfLetter);
    }

    private static boolean partOfLetter(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Edits allowed: one for words up to six letters, two for longer ones. */
    public static int allowedEdits(String word) {
        return word.length() <= 6 ? 1 : 2;
    }

    public static boolean near(String typed, String candidate) {
        return distance(typed, candidate) <= allowedEdits(typed);
    }

    public static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[x.length][y.length];
    }
}
