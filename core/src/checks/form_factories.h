// Factories of the form.* checks (each defined in its check's file, registered in
// form_family.cc).
#ifndef PORTAL_CHECK_CHECKS_FORM_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_FORM_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

std::unique_ptr<Check> MakeFormPasswordOverHttp();
std::unique_ptr<Check> MakeFormInsecureAction();
std::unique_ptr<Check> MakeFormCredentialsInGet();
std::unique_ptr<Check> MakeFormExternalAction();
std::unique_ptr<Check> MakeFormCsrfToken();
std::unique_ptr<Check> MakeFormPastePrevention();
std::unique_ptr<Check> MakeFormAutocomplete();
std::unique_ptr<Check> MakeFormPersonalDataConsent();
std::unique_ptr<Check> MakeFormFileUpload();
std::unique_ptr<Check> MakeFormLogin();
}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_FORM_FACTORIES_H_
