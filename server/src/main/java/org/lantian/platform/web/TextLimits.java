package org.lantian.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * No null elements in lists and maps; every text a client sends as JSON is at most {@link #MAX_CHARS} characters and holds no NUL (PostgreSQL
 * refuses 0x00 in text); the answer names the field (ApiErrors). The database holds the same limit
 * (V26), for what arrives by forms.
 */
@Configuration(proxyBeanMethods = false)
class TextLimits {

    static final int MAX_CHARS = 20_000;

    /** A null element in a list or map is the client's mistake, named by ApiErrors, not a 500 further in. */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer noNullElements() {
        return builder -> builder.changeDefaultNullHandling(
                setter -> setter.withContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL));
    }

    @Bean
    JacksonModule textLimitsModule() {
        return new SimpleModule("lantian-text-limits").addDeserializer(String.class, new LimitedStrings());
    }

    static final class LimitedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text == null) {
                return null;
            }
            if (text.length() > MAX_CHARS) {
                throw InvalidFormatException.from(p, "文本过长：" + text.length() + " 个字符，上限 " + MAX_CHARS, text.substring(0, 20) + "…",
                        String.class);
            }
            if (text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "文本含有不允许的 NUL 字符（\\u0000）", text, String.class);
            }
            return text;
        }
    }
}
