/**
 * Guardrails: PII, prompt-injection and secret detection, combined into a risk score and decision.
 *
 * <p>Entry point: {@link io.olyx.domain.guard.Guardrails} ({@code scanInput}, {@code scanOutput},
 * {@code injectionScore}) under a {@link io.olyx.domain.guard.GuardPolicy}; results are
 * {@link io.olyx.domain.guard.GuardReport}s of {@link io.olyx.domain.guard.Finding}s with Java String offsets
 * (end exclusive). {@link io.olyx.domain.guard.Redactor} turns findings into typed labels.
 *
 * <p>PII types: email, phone, credit_card (Luhn), iban (mod 97), us_ssn, ip_address (v4/v6), url, domain_name,
 * date_time, age, driver_license, passport, zip_code, street_address, location, person, organization, title,
 * nrp (nationality/religious/political group). Injection finding types name the evidence family
 * (instruction_override, jailbreak, authority_claim, secret_extraction, data_extraction, exfiltration,
 * phishing_instruction, embedded_instruction, embedded_document, payload_splitting, few_shot_dialogue,
 * many_shot_dialogue, repeated_tokens, encoded_base64/hex/binary/morse/caesar/pig_latin/reversed,
 * hidden_unicode, zero_width_characters, homoglyphs, output_manipulation, hypothetical_framing, persuasion, ...).
 * Secret types name the rule (aws_access_key, github_token, private_key, jwt, connection_string, generic_secret,
 * high_entropy_string, ...).
 *
 * <p>Speed: every recognizer is anchored (digit runs, keyword occurrences, token starts) or keyword-gated, so a
 * 1 KB prompt costs a few hundred microseconds; nothing here allocates per character or scans the text once per
 * regular expression.
 */
package io.olyx.domain.guard;
