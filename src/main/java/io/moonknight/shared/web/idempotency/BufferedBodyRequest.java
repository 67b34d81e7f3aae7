package io.moonknight.shared.web.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body can be read twice: once by {@link IdempotencyInterceptor} to compare it, then by the
 * handler. Nothing is buffered until {@link #body()} is called.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private byte @Nullable [] body;

    BufferedBodyRequest(HttpServletRequest request) {
        super(request);
    }

    /** The whole body, read (through the size limit of the filters before) on the first call. */
    byte[] body() throws IOException {
        if (body == null) {
            body = super.getInputStream().readAllBytes();
        }
        return body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        byte[] buffered = body;
        return buffered == null ? super.getInputStream() : new Replay(buffered);
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (body == null) {
            return super.getReader();
        }
        String encoding = getCharacterEncoding();
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new java.io.UnsupportedEncodingException(encoding);
        }
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class Replay extends ServletInputStream {

        private final ByteArrayInputStream in;

        Replay(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("The body is already read");
        }
    }
}
