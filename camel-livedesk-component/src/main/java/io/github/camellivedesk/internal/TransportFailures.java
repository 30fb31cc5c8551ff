package io.github.camellivedesk.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MessageConstraintException;

import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskTransportException;

/** Classifies an I/O failure, above all by whether the request was written before it happened. */
final class TransportFailures {

    private TransportFailures() {
    }

    static LiveDeskTransportException classify(Exception failure, String target, boolean requestSent) {
        String what = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (failure instanceof ConnectTimeoutException) {
            return new LiveDeskTimeoutException("No connection to " + target + " within connectTimeout (" + what
                    + "); the request was not sent", false, failure);
        }
        if (failure instanceof HttpHostConnectException || failure instanceof ConnectException
                || failure instanceof UnknownHostException || failure instanceof NoRouteToHostException) {
            return new LiveDeskTransportException("Cannot connect to " + target + " (" + what
                    + "); the request was not sent", false, failure);
        }
        if (failure instanceof SocketTimeoutException) {
            return new LiveDeskTimeoutException("No answer from " + target + " within requestTimeout (" + what + ")"
                    + sentNote(requestSent), requestSent, failure);
        }
        if (failure instanceof MessageConstraintException) {
            return new LiveDeskTransportException(
                    "The answer from " + target + " broke a limit on HTTP answers (" + what
                            + "; lines up to " + LiveDeskTransport.MAX_RESPONSE_LINE_LENGTH
                            + " characters, " + LiveDeskTransport.MAX_RESPONSE_HEADER_COUNT
                            + " header lines)" + sentNote(requestSent),
                    requestSent, failure);
        }
        if (failure instanceof SSLPeerUnverifiedException && !requestSent) {
            return new LiveDeskTransportException(
                    "The TLS certificate of " + target + " is not valid for that host name ("
                            + what + "); the request was not sent",
                    false, failure);
        }
        if (failure instanceof SSLHandshakeException || failure.getCause() instanceof SSLHandshakeException
                || failure instanceof SSLException && !requestSent) {
            // the request may sit in the TLS session's buffer, but without a handshake it never left encrypted
            return new LiveDeskTransportException("TLS handshake with " + target + " failed (" + what
                    + "); the request was not sent", false, failure);
        }
        if (failure instanceof ConnectionClosedException) {
            return new LiveDeskTransportException("LiveDesk closed the connection before answering (" + what + ")"
                    + sentNote(requestSent), requestSent, failure);
        }
        if (failure instanceof CancellationException) {
            return new LiveDeskTransportException("The request to " + target + " was cancelled" + sentNote(requestSent),
                    requestSent, failure);
        }
        return new LiveDeskTransportException("Request to " + target + " failed (" + what + ")" + sentNote(requestSent),
                requestSent, failure);
    }

    private static String sentNote(boolean requestSent) {
        return requestSent
                ? "; the request was sent, so LiveDesk may have stored the message"
                : "; the request was not sent";
    }
}
