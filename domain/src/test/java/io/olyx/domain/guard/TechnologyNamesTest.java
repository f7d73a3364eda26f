package io.olyx.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Technology and company names are not people: prompts about software name them all the time. Words that are both
 * a technology and a person's name stay names where nothing technical is near them, or where a title, a greeting or
 * another name part says a person is meant.
 */
class TechnologyNamesTest {
    private final Guardrails guardrails = new Guardrails();

    private List<Finding> pii(String text) {
        return guardrails.scanInput(text, GuardPolicy.defaults()).findings(FindingCategory.PII);
    }

    private List<String> found(String text, String type) {
        return pii(text).stream().filter(f -> f.type().equals(type))
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Explain how Kubernetes schedules pods.",
            "Compare PostgreSQL and MySQL for write-heavy workloads.",
            "Can you show me how to configure Nginx as a reverse proxy for Grafana?",
            "Set up Prometheus alerts for Elasticsearch cluster health.", "Use NumPy and Matplotlib to plot the CSV.",
            "Explain how Spark partitions data compared with Hadoop MapReduce.",
            "Write it in Java and deploy it to AWS.",
            "We use Jira and Confluence, and Slack notifies us.",
            "I have experience with Docker, Kubernetes and Terraform."})
    void technologyNamesAreNobody(String prompt) {
        assertThat(pii(prompt)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Write a Julia script that fits a linear model.",
            "I deployed it with Docker, but Jenkins keeps failing.",
            "Is Claude better than Gemini for coding?", "Try Claude Code for this refactoring.",
            "We deployed the API with Jenkins yesterday."})
    void namesThatAreAlsoTechnologiesAreTheTechnologyAmongTechnology(String prompt) {
        assertThat(found(prompt, "person")).isEmpty();
    }

    @Test
    void namesThatAreAlsoTechnologiesStayNamesWhereNothingTechnicalIsNear() {
        assertThat(found("I told Julia about the invoice.", "person")).containsExactly("Julia");
        assertThat(found("Jenkins said the order was shipped.", "person")).containsExactly("Jenkins");
        assertThat(found("I had lunch with Julia and Claude yesterday.", "person")).containsExactly("Julia", "Claude");
        assertThat(found("my name is julia and I write julia code", "person")).containsExactly("julia");
    }

    @Test
    void aTitleAGreetingOrAnotherNamePartMakesAPersonAmongTechnology() {
        assertThat(found("Julia Roberts wrote the Python script.", "person")).containsExactly("Julia Roberts");
        assertThat(found("Please ask Ruby Chen to review the Kotlin code.", "person")).containsExactly("Ruby Chen");
        assertThat(found("Hi Jenkins, can you deploy the API today?", "person")).containsExactly("Jenkins");
        assertThat(found("Mr. Docker asked about the invoice.", "person")).containsExactly("Docker");
        assertThat(found("Franz Kafka wrote about the court.", "person")).containsExactly("Franz Kafka");
    }

    @Test
    void aCompanyNamedAloneIsAnOrganisation() {
        assertThat(found("Summarize the Salesforce release notes for our team.", "organization"))
                .containsExactly("Salesforce");
        assertThat(found("Can you compare Google Cloud and Microsoft Azure?", "organization"))
                .containsExactly("Google", "Microsoft");
        assertThat(found("She joined IBM in 2019.", "organization")).containsExactly("IBM");
    }

    @Test
    void aCompanyThatIsEnglishOpeningASentenceIsTheWord() {
        assertThat(pii("Apple pie is best served warm.")).isEmpty();
        assertThat(found("My phone is made by Apple and it broke.", "organization")).containsExactly("Apple");
    }
}
