package io.moonknight.shared.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * What the API's JSON reader refuses instead of guessing: an enum given as its index ({@code "mode":0}), an
 * empty string for a number, boolean, enum, UUID or time ({@code ""} is not "no value"), a {@code null} inside
 * an array, a fraction for a whole number, a number or boolean for a text field, a NUL character in text, a
 * duplicate in an array bound to a set ({@code roleIds}, {@code permissions}, {@code scopes}), and a
 * date or time outside years 1 to 9999.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInputCustomizer() {
        return builder -> {
            builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
            for (LogicalType type : List.of(
                    LogicalType.Integer,
                    LogicalType.Float,
                    LogicalType.Boolean,
                    LogicalType.Enum,
                    LogicalType.DateTime,
                    LogicalType.OtherScalar)) {
                builder.withCoercionConfig(
                        type, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
            }
            // A whole number field takes no fraction (1.5 is not 1), a text field no number or boolean (true is not
            // "true"): the client meant something else, so say so instead of storing a guess.
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            builder.withCoercionConfig(LogicalType.Textual, config -> {
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            });
            for (Class<?> collection : List.of(Collection.class, List.class, Set.class)) {
                builder.withConfigOverride(
                        collection, override -> override.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
            }
            builder.addModule(module());
        };
    }

    static SimpleModule module() {
        return new SimpleModule("moonknight-strict-input").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new NoNulText(deserializer);
                }
                return TimeBounds.bounded(type) ? new BoundedTime(deserializer) : deserializer;
            }

            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return Set.class.isAssignableFrom(type.getRawClass()) ? new UniqueElements(deserializer) : deserializer;
            }
        });
    }

    /** Text with a NUL character is refused: no PostgreSQL text column can hold one, and no person types it. */
    static final class NoNulText extends DelegatingDeserializer {

        NoNulText(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new NoNulText(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && text.indexOf(0) >= 0) {
                throw new RejectedInput(parser, "must not contain a NUL character");
            }
            return value;
        }
    }

    /** A date or time outside years 1 to 9999 is refused. */
    static final class BoundedTime extends DelegatingDeserializer {

        BoundedTime(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new BoundedTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            if (value != null && !TimeBounds.accepts(value)) {
                throw new RejectedInput(parser, "must lie within " + TimeBounds.RANGE);
            }
            return value;
        }
    }

    /** An array bound to a set must not name the same element twice: a set would silently drop the repeat. */
    static final class UniqueElements extends DelegatingDeserializer {

        UniqueElements(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new UniqueElements(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            JsonNode tree = context.readTree(parser);
            try (JsonParser elements = tree.traverse(context)) {
                elements.nextToken();
                Object value = super.deserialize(elements, context);
                if (tree.isArray() && value instanceof Collection<?> set && set.size() < tree.size()) {
                    throw new RejectedInput(parser, "must not contain duplicates");
                }
                return value;
            }
        }
    }
}
