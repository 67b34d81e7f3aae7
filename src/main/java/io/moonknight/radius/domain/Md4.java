package io.moonknight.radius.domain;

/** MD4 (RFC 1320), which MS-CHAP needs for password hashes and the JDK does not offer. */
final class Md4 {

    private Md4() {}

    static byte[] digest(byte[] message) {
        int length = message.length;
        int padded = ((length + 8) / 64 + 1) * 64;
        byte[] data = new byte[padded];
        System.arraycopy(message, 0, data, 0, length);
        data[length] = (byte) 0x80;
        long bits = (long) length * 8;
        for (int i = 0; i < 8; i++) {
            data[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                int o = block + i * 4;
                x[i] = (data[o] & 0xff)
                        | (data[o + 1] & 0xff) << 8
                        | (data[o + 2] & 0xff) << 16
                        | (data[o + 3] & 0xff) << 24;
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            int[] r1 = {3, 7, 11, 19};
            for (int i = 0; i < 16; i++) {
                int f = (b & c) | (~b & d);
                int t = Integer.rotateLeft(a + f + x[i], r1[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            int[] r2 = {3, 5, 9, 13};
            int[] k2 = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
            for (int i = 0; i < 16; i++) {
                int g = (b & c) | (b & d) | (c & d);
                int t = Integer.rotateLeft(a + g + x[k2[i]] + 0x5a827999, r2[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            int[] r3 = {3, 9, 11, 15};
            int[] k3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
            for (int i = 0; i < 16; i++) {
                int h = b ^ c ^ d;
                int t = Integer.rotateLeft(a + h + x[k3[i]] + 0x6ed9eba1, r3[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        byte[] out = new byte[16];
        int[] state = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                out[i * 4 + j] = (byte) (state[i] >>> (8 * j));
            }
        }
        return out;
    }
}
