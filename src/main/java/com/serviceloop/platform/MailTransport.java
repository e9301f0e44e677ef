package com.serviceloop.platform;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail from the outbox through the configured SMTP server (spring.mail.host). */
@Component
class MailTransport implements OutboxTransport {
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    MailTransport(ObjectProvider<JavaMailSender> mail, @Value("${serviceloop.mail.from:serviceloop@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String channel() {
        return Outbox.MAIL;
    }

    @Override
    public boolean ready() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public void deliver(Outbox.Item item) throws Exception {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(item.target());
        helper.setSubject(item.subject() == null ? "ServiceLoop" : item.subject());
        helper.setText(item.payload(), false);
        sender.send(message);
    }
}
