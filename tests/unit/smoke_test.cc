#include <gtest/gtest.h>
#include "portal_check/auditor.h"
TEST(Smoke, EmptyHar) {
  auto a = portal_check::Auditor::Create({});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(a.value()->Feed(R"({"log":{"version":"1.2","entries":[]}})").ok());
  ASSERT_TRUE(a.value()->Finish().ok());
  EXPECT_NE(a.value()->ReportJson().find("\"engine\""), std::string::npos);
}
