package ccc.secret;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretLikenessTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "consumer.override.sasl.jaas.config | org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"CANARYjaas42\";",
            "value.converter.basic.auth.user.info | sr-user:CANARYsr99",
            "headers | Authorization:Bearer CANARYbearer88",
            "connection.url | jdbc:oracle:thin:scott/CANARYoracle77@//db.example.com:1521/ORCL",
            "connection.uri | mongodb://app:CAN/ARY@mongo.example.com:27017/db",
            "some.dsn | host=db password=s3cret dbname=x",
            "connection.password | anything"})
    void secretsAreRecognisedByKeyOrByValue(String key, String value) {
        assertTrue(SecretLikeness.looksSecret(key, value), key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "topics | orders",
            "connection.url | jdbc:postgresql://db.example.com:5432/sales",
            "flush.size | 1000",
            "connection.user | app"})
    void plainSettingsAreNot(String key, String value) {
        assertFalse(SecretLikeness.looksSecret(key, value), key);
    }
}
