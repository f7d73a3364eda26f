package io.olyx.domain.guard;

/**
 * Well-known technology and company names, written by hand from general knowledge: programming languages,
 * frameworks and libraries, databases and data tools, infrastructure and developer tools, cloud and online
 * services, operating systems and apps, AI models and assistants, and large companies. Prompts to an AI gateway
 * name these all the time ("Explain how Kubernetes schedules pods"), and most are not common English, so without
 * these lists each would read as a surname. Only names a developer would recognise without looking them up belong
 * here, and no name that is mainly a person's (so "Jackson", "Travis", "Ford" and "Dell" are left out; see
 * {@link NameRecognizer} for the words that are both, such as "Julia" and "Jenkins").
 */
final class TechnologyNameData {

    private TechnologyNameData() {
    }

    /** Products, languages, tools and services. Space-separated, lowercase; one string per kind, for reading only. */
    static final String[] NAMES = {
        // programming, query, markup and shell languages
        "python java javascript typescript kotlin scala golang rust ruby perl php haskell erlang elixir clojure"
            + " julia fortran cobol pascal delphi lua matlab dart groovy prolog lisp ocaml ada solidity vba"
            + " webassembly zig coffeescript purescript elm smalltalk verilog vhdl sql nosql plsql graphql html xhtml"
            + " css sass scss latex markdown yaml json toml xml bash zsh powershell haxe crystal nim fsharp",
        // frameworks, libraries and runtimes
        "react angular vue vuejs svelte sveltekit nextjs nuxt django flask fastapi rails laravel symfony"
            + " codeigniter spring hibernate express expressjs nestjs jquery bootstrap tailwind redux mobx webpack"
            + " vite babel eslint prettier jest mocha cypress selenium playwright puppeteer junit testng mockito"
            + " pytest numpy pandas scipy matplotlib seaborn plotly scikit sklearn tensorflow pytorch keras theano"
            + " huggingface langchain llamaindex opencv nltk spacy gensim xgboost lightgbm catboost dask polars"
            + " pyspark jupyter streamlit gradio dotnet xamarin flutter ionic electron qt gtk blazor quarkus micronaut"
            + " vertx netty javalin dropwizard log4j slf4j logback nodejs deno jvm openjdk graalvm kubeflow mlflow",
        // build, package and developer tools, editors, trackers
        "maven gradle sbt npm yarn pnpm pip conda anaconda pipenv cargo rustup homebrew nuget composer gulp grunt"
            + " esbuild cmake bazel git github gitlab bitbucket subversion svn mercurial vscode intellij pycharm"
            + " webstorm eclipse netbeans xcode vim neovim emacs sublime postman swagger openapi jira confluence"
            + " trello asana sonarqube artifactory jenkins circleci teamcity bamboo argocd tekton spinnaker dependabot",
        // databases, data platforms, messaging and observability
        "postgresql postgres mysql mariadb sqlite mongodb redis cassandra couchdb couchbase dynamodb cosmosdb"
            + " elasticsearch opensearch solr lucene influxdb timescaledb clickhouse bigquery redshift hadoop"
            + " mapreduce hdfs hive hbase spark flink kafka rabbitmq activemq zeromq kinesis airflow tableau looker"
            + " metabase superset grafana kibana logstash prometheus nagios zabbix memcached etcd zookeeper sqlalchemy"
            + " pgvector faiss pinecone milvus chromadb",
        // infrastructure, containers, networking, cloud and web services
        "apache docker podman kubernetes kubectl minikube helm istio linkerd envoy nginx tomcat haproxy traefik"
            + " caddy openshift rancher terraform pulumi ansible puppet saltstack vagrant virtualbox hyperv proxmox"
            + " openstack consul nomad vault aws azure gcp linode firebase supabase sagemaker cloudformation"
            + " cloudwatch cloudfront fargate keycloak wordpress drupal joomla magento wix squarespace mailchimp"
            + " sendgrid",
        // operating systems, browsers, apps and devices
        "linux ubuntu debian fedora centos rhel macos ios ipados android windows unix freebsd openbsd solaris"
            + " chrome chromium firefox safari webkit gmail outlook hotmail onedrive sharepoint dropbox excel"
            + " powerpoint photoshop illustrator figma canva slack discord zoom skype whatsapp telegram signal"
            + " instagram facebook twitter tiktok snapchat pinterest reddit linkedin youtube iphone ipad macbook"
            + " playstation xbox wikipedia",
        // AI models and assistants
        "chatgpt gpt claude gemini bard llama mistral mixtral copilot deepseek qwen midjourney dalle siri alexa"
            + " cortana perplexity ollama",
    };

    /** Companies, reported as organisations when named alone. Space-separated, lowercase. */
    static final String[] COMPANIES = {
        "google alphabet microsoft apple amazon meta ibm oracle salesforce sap adobe intel amd nvidia qualcomm"
            + " cisco samsung huawei xiaomi lenovo asus acer sony uber lyft airbnb atlassian netflix spotify paypal"
            + " shopify stripe twilio datadog splunk cloudflare akamai hubspot zendesk servicenow workday snowflake"
            + " databricks jetbrains heroku vercel netlify digitalocean okta mozilla redhat vmware openai anthropic"
            + " deepmind nintendo",
        "walmart costco ikea nike adidas starbucks pepsi toyota volkswagen bmw boeing airbus pfizer nokia ericsson"
            + " siemens bosch ebay alibaba tencent baidu bytedance mastercard deloitte accenture kpmg",
    };
}
