package io.github.camellivedesk.internal.events;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedBodyTest {

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedAndAMissingOneLeftToTheRead() {
        assertThatCode(() -> BoundedBody.checkDeclaredLength(null, 10)).doesNotThrowAnyException();
        assertThatCode(() -> BoundedBody.checkDeclaredLength(" ", 10)).doesNotThrowAnyException();
        assertThatCode(() -> BoundedBody.checkDeclaredLength("10", 10)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BoundedBody.checkDeclaredLength("11", 10))
                .isInstanceOfSatisfying(RefusedDelivery.class, refused -> {
                    assertThat(refused.status()).isEqualTo(413);
                    assertThat(refused.reason()).isEqualTo("body larger than 10 bytes");
                });
        assertThatThrownBy(() -> BoundedBody.checkDeclaredLength("104857600", 1024 * 1024))
                .isInstanceOf(RefusedDelivery.class);
        assertThatThrownBy(() -> BoundedBody.checkDeclaredLength("ten", 10))
                .isInstanceOfSatisfying(RefusedDelivery.class, refused -> assertThat(refused.status())
                        .isEqualTo(400));
    }

    @Test
    void aStreamIsReadToTheLimitAndOneByteMoreAtMost() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 10)).isEmpty();
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[20_000]), 20_000)).hasSize(20_000);

        // an endless stream: refused after limit + 1 bytes, never read further
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                served.addAndGet(length);
                return length;
            }
        };
        assertThatThrownBy(() -> BoundedBody.read(endless, 100_000))
                .isInstanceOfSatisfying(RefusedDelivery.class, refused -> assertThat(refused.status())
                        .isEqualTo(413));
        assertThat(served.get()).isEqualTo(100_001);
    }

    @Test
    void aBodyHeldWholeIsCheckedAgainstTheSameLimit() throws Exception {
        byte[] ten = new byte[10];
        assertThat(BoundedBody.check(ten, 10)).isSameAs(ten);
        assertThatThrownBy(() -> BoundedBody.check(new byte[11], 10)).isInstanceOf(RefusedDelivery.class);
    }
}
