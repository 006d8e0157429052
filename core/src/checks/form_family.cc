// The form.* checks (form_<name>.cc, helpers in form_common.h and normalize/form_model.h),
// registered in one list with their closed outcome lists.
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendFormChecks(std::vector<CheckDescriptor>& out) {
  out.push_back({"form.password-over-http", {"none", "present"}, &MakeFormPasswordOverHttp});
  out.push_back({"form.insecure-action", {"ok", "downgrade", "http-page-https-form"}, &MakeFormInsecureAction});
  out.push_back({"form.credentials-in-get", {"ok", "get-credentials"}, &MakeFormCredentialsInGet});
  out.push_back({"form.external-action", {"same-site", "external", "external-credentials"}, &MakeFormExternalAction});
  out.push_back({"form.csrf-token", {"protected", "samesite-only", "missing"}, &MakeFormCsrfToken});
  out.push_back({"form.paste-prevention", {"none", "blocks-paste"}, &MakeFormPastePrevention});
  out.push_back({"form.autocomplete", {"ok", "sensitive-autofill"}, &MakeFormAutocomplete});
  out.push_back({"form.personal-data-consent", {"consented", "no-consent"}, &MakeFormPersonalDataConsent});
  out.push_back({"form.file-upload", {"none", "present"}, &MakeFormFileUpload});
  out.push_back({"form.login", {"found", "none"}, &MakeFormLogin});
}

}  // namespace portal_check
