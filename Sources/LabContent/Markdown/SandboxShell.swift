/// The lines that point a learner's shell at the sandbox, written once for the set-up step and the sandbox page.
///
/// Every line is there for a reason found by trying it: the keys are exported so the CLI never falls back to real
/// credentials in `~/.aws`, the config files are emptied so no profile's `endpoint_url` or role applies, and the
/// `aws` function passes `--endpoint-url` on every call because the 1.x CLI ignores `AWS_ENDPOINT_URL` for SQS and
/// would send those calls to the real `queue.amazonaws.com`.
public enum SandboxShell {
    static let source = """
        export AWS_ACCESS_KEY_ID={{sandboxAccessKeyId}} AWS_SECRET_ACCESS_KEY={{sandboxSecretAccessKey}}
        export AWS_REGION={{region}} AWS_DEFAULT_REGION={{region}} AWS_ENDPOINT_URL={{sandboxEndpoint}}
        unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE
        export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
        aws() { command aws --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }
        """

    public static let template = TextTemplate(source)

    /// The fence language that stands for these lines in a step: ` ```sandbox-shell ` with an empty body.
    static let fenceLanguage = "sandbox-shell"
}
