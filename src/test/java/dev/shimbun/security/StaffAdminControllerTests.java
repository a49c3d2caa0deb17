package dev.shimbun.security;

import java.util.List;

import dev.shimbun.FieldRuleException;
import dev.shimbun.support.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The staff accounts controller on its own: for ADMINs only; a form with errors (its own,
 * a taken user name, or the service's rules) comes back with them and a 422; a saved one
 * redirects with a notice; an unknown account is a 404.
 */
@WebSliceTest(StaffAdminController.class)
@WithMockUser(username = "boss", roles = "ADMIN")
class StaffAdminControllerTests {

	private static final StaffView HANAKO = new StaffView(7L, "hanako", "山田花子", StaffRole.EDITOR, true, 3);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private StaffService staff;

	@MockitoBean
	private StaffSessions sessions;

	@Test
	void listShowsTheAccounts() throws Exception {
		given(this.staff.all()).willReturn(List.of(HANAKO));
		this.mvc.perform(get("/admin/users"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/list"))
			.andExpect(model().attribute("users", List.of(HANAKO)));
	}

	@Test
	@WithMockUser(roles = "EDITOR")
	void editorsAreRefusedEverywhere() throws Exception {
		this.mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users/new")).andExpect(status().isForbidden());
		this.mvc.perform(newAccount("hanako")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/7/password").with(csrf()).param("password", "a-long-enough-secret"))
			.andExpect(status().isForbidden());
		then(this.staff).shouldHaveNoInteractions();
	}

	@Test
	void createWhenValidThenSavedAndRedirectedWithANotice() throws Exception {
		this.mvc.perform(newAccount("hanako"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "staff.notice.created"));
		then(this.staff).should().create(any(StaffCreateForm.class));
	}

	@Test
	void createWhenFormInvalidThenTheFormAgainWith422AndNothingSaved() throws Exception {
		this.mvc.perform(newAccount("bad name!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/users/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "Pattern"));
		then(this.staff).should(never()).create(any());
	}

	@Test
	void createWhenUsernameTakenThenTheFormAgainWith422AndNothingSaved() throws Exception {
		given(this.staff.usernameTaken("hanako")).willReturn(true);
		this.mvc.perform(newAccount("hanako"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "staff.error.usernameTaken"));
		then(this.staff).should(never()).create(any());
	}

	@Test
	void createWhenTheServiceRefusesThenItsReasonOnTheField() throws Exception {
		given(this.staff.create(any())).willThrow(new FieldRuleException("password", "staff.error.passwordTooLong"));
		this.mvc.perform(newAccount("hanako"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/users/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "staff.error.passwordTooLong"));
	}

	@Test
	void editWhenUnknownAccountThenNotFound() throws Exception {
		given(this.staff.get(999L)).willThrow(new StaffNotFoundException(999L));
		this.mvc.perform(get("/admin/users/999/edit")).andExpect(status().isNotFound());
	}

	@Test
	void editShowsTheAccountItsFormAndThePasswordForm() throws Exception {
		given(this.staff.get(7L)).willReturn(HANAKO);
		this.mvc.perform(get("/admin/users/7/edit"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/users/edit"))
			.andExpect(model().attribute("user", HANAKO))
			.andExpect(model().attributeExists("form", "passwordForm"));
	}

	@Test
	void updateWhenTheLastAdminWouldBeLostThenTheEditPageWith422() throws Exception {
		given(this.staff.get(7L)).willReturn(HANAKO);
		willThrow(new FieldRuleException("role", "staff.error.lastAdmin")).given(this.staff)
			.update(eq(7L), any(StaffEditForm.class));
		this.mvc.perform(update(7L))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/users/edit"))
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "staff.error.lastAdmin"))
			.andExpect(model().attribute("user", HANAKO))
			.andExpect(model().attributeExists("passwordForm"));
	}

	@Test
	void updateWhenValidThenSavedAndRedirectedWithANotice() throws Exception {
		this.mvc.perform(update(7L))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "staff.notice.updated"));
		then(this.staff).should().update(eq(7L), any(StaffEditForm.class));
	}

	@Test
	void resetPasswordWhenValidThenTheAccountsOtherSessionsEndAndANotice() throws Exception {
		given(this.staff.get(7L)).willReturn(HANAKO);
		this.mvc.perform(post("/admin/users/7/password").with(csrf()).param("password", "a-brand-new-password"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "staff.notice.passwordReset"));
		then(this.staff).should().resetPassword(7L, "a-brand-new-password");
		then(this.sessions).should().keepCurrentAfterChangeOf(eq("hanako"), any(), any());
	}

	@Test
	void resetPasswordWhenTooShortThenTheEditPageWith422AndNothingChanged() throws Exception {
		given(this.staff.get(7L)).willReturn(HANAKO);
		this.mvc.perform(post("/admin/users/7/password").with(csrf()).param("password", "short"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("admin/users/edit"))
			.andExpect(model().attributeHasFieldErrors("passwordForm", "password"))
			.andExpect(model().attributeExists("form"));
		then(this.staff).should(never()).resetPassword(any(), any());
		then(this.sessions).shouldHaveNoInteractions();
	}

	@Test
	void resetPasswordWhenTheServiceRefusesThenItsReasonAndTheSessionsGoOn() throws Exception {
		given(this.staff.get(7L)).willReturn(HANAKO);
		willThrow(new FieldRuleException("password", "staff.error.passwordTooLong")).given(this.staff)
			.resetPassword(7L, "a-brand-new-password");
		this.mvc.perform(post("/admin/users/7/password").with(csrf()).param("password", "a-brand-new-password"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "password", "staff.error.passwordTooLong"));
		then(this.sessions).shouldHaveNoInteractions();
	}

	private static MockHttpServletRequestBuilder newAccount(String username) {
		return post("/admin/users").with(csrf())
			.param("username", username)
			.param("displayName", "山田花子")
			.param("role", "EDITOR")
			.param("password", "a-long-enough-secret");
	}

	private static MockHttpServletRequestBuilder update(Long id) {
		return post("/admin/users/{id}", id).with(csrf())
			.param("displayName", "山田花子")
			.param("role", "EDITOR")
			.param("enabled", "true")
			.param("version", "3");
	}

}
