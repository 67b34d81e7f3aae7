// Writes the benchmark's subscribers as CSV for psql \copy:
//   java Seed.java moonknight <tenant> <customer> <plan> <users> <base64 32-byte key>  -> subscriptions rows
//   java Seed.java freeradius <users>                                               -> radcheck rows
// Passwords are sealed exactly as MoonKnight's SecretBox does (AES-256-GCM, v1:base64(nonce|ciphertext|tag),
// associated data "subscription-password:<id>"), so the server opens them with the same key.
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class Seed {

    public static void main(String[] args) throws Exception {
        var out = new StringBuilder(1 << 20);
        var stdout = System.out;
        if (args[0].equals("freeradius")) {
            int users = Integer.parseInt(args[1]);
            for (int i = 0; i < users; i++) {
                out.append(String.format("bench%06d,Cleartext-Password,:=,pw-%d%n", i, i));
                if (out.length() > 1 << 20) {
                    stdout.print(out);
                    out.setLength(0);
                }
            }
            stdout.print(out);
            return;
        }
        String tenant = args[1];
        String customer = args[2];
        String plan = args[3];
        int users = Integer.parseInt(args[4]);
        var key = new SecretKeySpec(Base64.getDecoder().decode(args[5]), "AES");
        var random = new SecureRandom();
        String now = java.time.Instant.now().toString();
        for (int i = 0; i < users; i++) {
            UUID id = UUID.randomUUID();
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("subscription-password:" + id).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(("pw-" + i).getBytes(StandardCharsets.UTF_8));
            String password = "v1:" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
            // id,tenant_id,customer_id,plan_id,access_type,username,password_sealed,ipv4_mode,ipv6_mode,start_date,
            // status,status_changed_at,activated_at,created_at,updated_at
            out.append(id).append(',').append(tenant).append(',').append(customer).append(',').append(plan)
                    .append(",PPPOE,").append(String.format("bench%06d", i)).append(',').append(password)
                    .append(",NONE,NONE,2026-01-01,ACTIVE,").append(now).append(',').append(now).append(',')
                    .append(now).append(',').append(now).append('\n');
            if (out.length() > 1 << 20) {
                stdout.print(out);
                out.setLength(0);
            }
        }
        stdout.print(out);
    }
}
