package cn.rtms.identity.web;

import java.util.List;
import java.util.UUID;

import cn.rtms.identity.ApiKeyManagement;
import cn.rtms.identity.ApiKeyView;
import cn.rtms.identity.IssuedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys of the hospital's machine clients (hospital administrator, docs/gate.md). */
@RestController
@Tag(name = "接口密钥", description = "医院管理员：为本院信息系统（HIS、手术排程）创建、轮换、吊销 API 密钥；密钥仅在创建/轮换时显示一次")
class ApiKeyController {

	private final ApiKeyManagement keys;

	ApiKeyController(ApiKeyManagement keys) {
		this.keys = keys;
	}

	/**
	 * @param name what the key is for
	 */
	record CreateApiKey(@Nullable String name) {
	}

	@GetMapping("/api/api-keys")
	@Operation(summary = "本院 API 密钥列表", description = "不含密钥本身；最近使用时间每分钟至多记录一次")
	List<ApiKeyView> list() {
		return this.keys.list();
	}

	@PostMapping("/api/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建 API 密钥", description = "返回的 secret 只显示这一次，平台只保存其 SHA-256 摘要")
	IssuedApiKey create(@RequestBody CreateApiKey request) {
		return this.keys.create(request.name() == null ? "" : request.name());
	}

	@PostMapping("/api/api-keys/{id}/rotate")
	@Operation(summary = "轮换 API 密钥", description = "生成新密钥（只显示这一次），旧密钥立即失效")
	IssuedApiKey rotate(@PathVariable UUID id) {
		return this.keys.rotate(id);
	}

	@DeleteMapping("/api/api-keys/{id}")
	@Operation(summary = "吊销 API 密钥", description = "吊销后密钥不再可用，记录保留以备审计")
	ApiKeyView revoke(@PathVariable UUID id) {
		return this.keys.revoke(id);
	}

}
