package io.genreflow.function.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops the "Expect: 100-continue" header the SDK puts on uploads. The JDK's HttpURLConnection (the
 * url-connection client) and S3Proxy's Jetty intermittently lose the connection over it, as
 * measured in the handlers' tests; real S3 handles it, so only the tests install this
 * ({@code %test.quarkus.s3.interceptors}).
 */
public final class NoExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
