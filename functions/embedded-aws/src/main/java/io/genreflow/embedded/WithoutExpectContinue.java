package io.genreflow.embedded;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An SDK interceptor for S3 clients of {@link EmbeddedS3}: it drops the "Expect: 100-continue"
 * header the SDK adds to uploads. Over the url-connection HTTP client, S3Proxy's Jetty and the
 * JDK's HttpURLConnection now and then lose the connection on it ("Error writing request body to
 * server", "Unexpected end of file from server"): three of three full pipeline runs failed with
 * it, none without it. The header only saves bandwidth when a server refuses a large body, which
 * a local server never does.
 */
public final class WithoutExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
